package dev.cognitoemulator.operations.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * An executor the test drives: tasks wait until {@link #runNext()} runs the oldest on the test's thread, so each step
 * of a user import job (and the status between steps) is seen in order, with no waiting.
 */
final class StepExecutor implements Executor {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    synchronized int waiting() {
        return tasks.size();
    }

    /** Runs the oldest waiting task (there must be one). */
    void runNext() {
        Runnable task;
        synchronized (this) {
            assertThat(tasks).as("a waiting import step").isNotEmpty();
            task = tasks.poll();
        }
        task.run();
    }

    /** Runs tasks (those they queue too) until none waits; at most {@code limit} of them. */
    void runAll(int limit) {
        for (int i = 0; waiting() > 0; i++) {
            assertThat(i).as("import steps run").isLessThan(limit);
            runNext();
        }
    }
}
