/**
 * Reading rating data from files: {@link org.rbmrec.data.io.DelimitedRatingsReader} parses any
 * delimited {@code user,item,rating[,timestamp]} file straight from bytes into
 * {@link org.rbmrec.data.Ratings}, configured by {@link org.rbmrec.data.io.ReaderOptions} (or
 * sniffing separator, header and rating scale); {@link org.rbmrec.data.io.ItemTitlesReader} reads
 * movie titles; {@link org.rbmrec.data.io.RatingsCache} keeps a checksummed binary copy of parsed
 * data next to the source so a second load is near-instant; {@link
 * org.rbmrec.data.io.RatingsLoader} is the one entry point that loads through the cache;
 * {@link org.rbmrec.data.io.ZipEntryInput} reads a zip entry and checks its CRC-32, which the
 * JDK does not.
 *
 * <p>Every problem with the user's data is a {@link org.rbmrec.data.DataException} whose message is
 * one line naming the file, the line and what was expected.
 */
package org.rbmrec.data.io;
