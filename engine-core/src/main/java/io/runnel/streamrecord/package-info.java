/** The elements that flow through a stream: records and in-band events (engine-internal). */
package io.runnel.streamrecord;
