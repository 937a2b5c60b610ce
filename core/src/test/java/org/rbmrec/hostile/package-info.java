/**
 * Hostile-input properties that cross packages: random and damaged ratings files, and a scan of
 * the sources for Java serialization. Properties about one class's hostile input live next to
 * that class (for example {@code model.io.ModelFileHostileProperties}).
 */
package org.rbmrec.hostile;
