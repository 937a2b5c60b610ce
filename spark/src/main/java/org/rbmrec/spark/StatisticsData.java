package org.rbmrec.spark;

import java.io.Serializable;
import org.rbmrec.model.rbm.CdStatistics;

/** {@link CdStatistics} as Spark ships them from partitions to the driver: the same arrays. */
final class StatisticsData implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int levels;
  private final int hidden;
  private final int rows;
  private final int[] units;
  private final float[] w;
  private final float[] b;
  private final float[] d;
  private final int[] rowsRated;
  private final int[] rowsIndicated;
  private final float[] c;
  private final double reconSquaredError;
  private final long reconCount;

  StatisticsData(CdStatistics s) {
    this.levels = s.levels();
    this.hidden = s.hidden();
    this.rows = s.rows();
    this.units = s.units();
    this.w = s.w();
    this.b = s.b();
    this.d = s.d();
    this.rowsRated = s.rowsRated();
    this.rowsIndicated = s.rowsIndicated();
    this.c = s.c();
    this.reconSquaredError = s.reconSquaredError();
    this.reconCount = s.reconCount();
  }

  CdStatistics statistics() {
    return CdStatistics.of(levels, hidden, rows, units, w, b, d, rowsRated, rowsIndicated, c,
        reconSquaredError, reconCount);
  }

  StatisticsData plus(StatisticsData other) {
    return new StatisticsData(statistics().plus(other.statistics()));
  }
}
