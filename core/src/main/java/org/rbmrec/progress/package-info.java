/**
 * Progress reporting for long work (loading, downloading, training), with no dependency: the
 * command line adapts {@link org.rbmrec.progress.Progress} to a progress bar on stderr; library
 * users pass {@link org.rbmrec.progress.Progress#NONE}.
 */
package org.rbmrec.progress;
