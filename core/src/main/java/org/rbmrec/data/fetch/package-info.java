/**
 * Where MovieLens data lives and how it gets there: {@link org.rbmrec.data.fetch.DataDirectory}
 * resolves the data folder (flag, then {@code RBMREC_DATA}, then a per-user cache) and finds a
 * variant in it; {@link org.rbmrec.data.fetch.Downloader} downloads a file atomically, verifying
 * its size and SHA-256; {@link org.rbmrec.data.fetch.SafeZipExtractor} unpacks a zip without
 * letting any entry escape its target; {@link org.rbmrec.data.fetch.MovieLensFetcher} combines
 * them into {@code rbmrec data fetch NAME} and "fetch on first use".
 *
 * <p>Every step is atomic: work happens in a temporary file or folder beside the target and is
 * renamed into place only when complete and verified, so an interrupted or failed fetch never
 * leaves anything that later looks like data.
 */
package org.rbmrec.data.fetch;
