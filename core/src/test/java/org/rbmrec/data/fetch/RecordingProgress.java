package org.rbmrec.data.fetch;

import java.util.ArrayList;
import java.util.List;
import org.rbmrec.progress.Progress;

/** Remembers every call, for assertions. */
final class RecordingProgress implements Progress {
  /** One started task: its label, total, unit, steps advanced and whether it finished. */
  static final class Task {
    final String label;
    final long total;
    final String unit;
    long advanced;
    int advances;
    boolean finished;

    Task(String label, long total, String unit) {
      this.label = label;
      this.total = total;
      this.unit = unit;
    }
  }

  private final List<Task> tasks = new ArrayList<>();

  @Override
  public synchronized void start(String task, long total, String unit) {
    tasks.add(new Task(task, total, unit));
  }

  @Override
  public synchronized void advance(long steps) {
    Task current = tasks.get(tasks.size() - 1);
    current.advanced += steps;
    current.advances++;
  }

  @Override
  public synchronized void finish() {
    tasks.get(tasks.size() - 1).finished = true;
  }

  synchronized List<Task> tasks() {
    return List.copyOf(tasks);
  }

  synchronized long advancedSoFar() {
    return tasks.isEmpty() ? 0 : tasks.get(tasks.size() - 1).advanced;
  }
}
