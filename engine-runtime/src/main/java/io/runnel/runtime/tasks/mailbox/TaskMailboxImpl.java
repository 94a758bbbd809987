package io.runnel.runtime.tasks.mailbox;

import io.runnel.annotation.GuardedBy;
import io.runnel.annotation.ThreadSafe;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The production {@link TaskMailbox}: a deque under a lock, plus a volatile flag so that the task's hot loop can
 * check for mail without taking the lock.
 *
 * <p><b>Threading:</b> thread-safe (guarded by {@code lock}); take methods check the owner thread.
 */
@ThreadSafe
public final class TaskMailboxImpl implements TaskMailbox {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    @GuardedBy("lock")
    private final ArrayDeque<Mail> queue = new ArrayDeque<>();
    @GuardedBy("lock")
    private boolean closed;
    private volatile boolean hasNewMail;
    private volatile Thread owner;

    /** Sets the owning thread: the only one allowed to take. */
    public void setOwner(Thread thread) {
        this.owner = thread;
    }

    @Override
    public void put(Mail mail) {
        lock.lock();
        try {
            if (closed) {
                throw new MailboxClosedException("Mailbox is closed; cannot run " + mail);
            }
            queue.add(mail);
            hasNewMail = true;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean hasMail() {
        return hasNewMail;
    }

    @Override
    public Mail tryTake() {
        checkOwner();
        if (!hasNewMail) {
            return null;
        }
        lock.lock();
        try {
            return takeLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Mail take() throws InterruptedException {
        checkOwner();
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                notEmpty.await();
            }
            return takeLocked();
        } finally {
            lock.unlock();
        }
    }

    @GuardedBy("lock")
    private Mail takeLocked() {
        Mail m = queue.poll();
        hasNewMail = !queue.isEmpty();
        return m;
    }

    private void checkOwner() {
        Thread o = owner;
        if (o != null && o != Thread.currentThread()) {
            throw new IllegalStateException("Mailbox of " + o.getName() + " read by another thread, "
                    + Thread.currentThread().getName());
        }
    }

    @Override
    public List<Mail> close() {
        lock.lock();
        try {
            closed = true;
            List<Mail> rest = new ArrayList<>(queue);
            queue.clear();
            hasNewMail = false;
            notEmpty.signalAll();
            return rest;
        } finally {
            lock.unlock();
        }
    }
}
