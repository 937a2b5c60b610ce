/**
 * Model files and exports, with the JDK only.
 *
 * <ul>
 *   <li>{@link org.rbmrec.model.io.SafeTensors}: a strict reader and writer of the safetensors
 *       layout (8-byte header length, JSON header, little-endian data), with CRC32 checksums;
 *   <li>{@link org.rbmrec.model.io.ModelFiles}: the one model file of rbmrec
 *       ({@code model.safetensors}), for every model, with ids, scale, configuration and
 *       provenance;
 *   <li>{@link org.rbmrec.model.io.CheckpointFiles}: the checkpoint of an RBM training run
 *       ({@code checkpoint.safetensors}), for exact resume;
 *   <li>{@link org.rbmrec.model.io.ModelExport}: plain tensors for Python users, as
 *       {@code .safetensors} or NumPy {@code .npz};
 *   <li>{@link org.rbmrec.model.io.AtomicFiles}: write-to-temporary, fsync, atomic rename.
 * </ul>
 *
 * Never Java serialization.
 */
package org.rbmrec.model.io;
