/**
 * Timers of keyed operators: {@link io.runnel.runtime.operators.timers.InternalTimerServiceImpl} keeps
 * event-time and processing-time timers in priority queues of the keyed state backend and fires them on the task
 * thread; {@link io.runnel.runtime.operators.timers.ProcessingTimeService} turns the TaskManager's timer thread
 * into mails.
 */
package io.runnel.runtime.operators.timers;
