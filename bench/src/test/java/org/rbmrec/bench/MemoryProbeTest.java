package org.rbmrec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryProbeTest {
  @Test
  void readsThePeakResidentSetFromTheStatusLines() {
    Double mb = MemoryProbe.parseHighWaterMark(
        List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  2000000 kB", "VmRSS:\t 1 kB"));

    assertThat(mb).isEqualTo(2_048_000_000 / 1e6);
  }

  @Test
  void anAbsentHighWaterMarkIsNull() {
    assertThat(MemoryProbe.parseHighWaterMark(List.of("Name:\tjava"))).isNull();
  }
}
