/**
 * Turns what a user typed — a MovieLens name such as {@code ml-100k}, or a path to a ratings
 * file, a MovieLens folder or an official zip — into loaded ratings: it finds the set in the data
 * folder, fetches it on first use when asked, and loads it through the binary cache.
 */
package org.rbmrec.data.source;
