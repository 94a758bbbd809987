/**
 * Event time: how records get timestamps and how watermarks are generated from them (after Flink's FLIP-126
 * {@code WatermarkStrategy}).
 */
package io.runnel.api.eventtime;
