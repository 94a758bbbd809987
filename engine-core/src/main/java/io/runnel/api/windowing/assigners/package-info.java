/**
 * Window assigners: they put each element into its windows (tumbling, sliding, session, global), name the window
 * serializer, and give the trigger used when the job names none. Factories take {@link java.time.Duration}; getters
 * return ms.
 */
package io.runnel.api.windowing.assigners;
