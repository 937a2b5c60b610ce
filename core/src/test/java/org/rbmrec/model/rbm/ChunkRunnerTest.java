package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The runner that spreads a mini-batch's tasks over threads. */
class ChunkRunnerTest {
  @Test
  void everyTaskOfEveryCallRunsExactlyOnce() {
    try (ChunkRunner runner = new ChunkRunner(3)) {
      for (int call = 0; call < 20_000; call++) {
        int n = 2 + (call * 7919) % 37; // sizes that rise and fall from call to call
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        runner.run(n, runs::incrementAndGet);
        for (int i = 0; i < n; i++) {
          assertThat(runs.get(i)).as("call %d task %d", call, i).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void aTasksExceptionReachesTheCallerAfterTheOtherTasksEnd() {
    try (ChunkRunner runner = new ChunkRunner(2)) {
      assertThatThrownBy(() -> runner.run(50, i -> {
        if (i == 7) {
          throw new IllegalStateException("task 7 failed");
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("task 7 failed");
      AtomicIntegerArray runs = new AtomicIntegerArray(10);
      runner.run(10, runs::incrementAndGet);
      assertThat(runs.get(9)).isEqualTo(1);
    }
  }

  @Test
  void oneThreadRunsTheTasksInOrderOnTheCaller() {
    try (ChunkRunner runner = new ChunkRunner(1)) {
      StringBuilder order = new StringBuilder();
      Thread caller = Thread.currentThread();
      runner.run(4, i -> {
        assertThat(Thread.currentThread()).isSameAs(caller);
        order.append(i);
      });
      assertThat(order).hasToString("0123");
    }
  }

  @Test
  void fewerThanOneThreadIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> new ChunkRunner(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
  }
}
