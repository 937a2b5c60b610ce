/**
 * The MovieLens variants published by GroupLens: where their files live, how they are laid out,
 * and how to load them from an extracted folder or straight from the official zip.
 */
package org.rbmrec.data.movielens;
