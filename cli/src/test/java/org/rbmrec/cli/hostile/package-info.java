/**
 * Hostile input through the command line: garbage data files, damaged model files, unknown ids,
 * users without training ratings and failed runs; every case ends in success or in exit 2 with
 * one line on stderr.
 */
package org.rbmrec.cli.hostile;
