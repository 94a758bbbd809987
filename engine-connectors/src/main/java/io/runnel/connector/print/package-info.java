/** {@link io.runnel.connector.print.PrintSink}: writes records to standard out or standard error. */
package io.runnel.connector.print;
