/** {@link io.runnel.connector.collect.CollectSink}: returns a bounded job's output to the program that ran it. */
package io.runnel.connector.collect;
