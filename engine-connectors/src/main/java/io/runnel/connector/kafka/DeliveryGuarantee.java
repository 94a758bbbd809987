package io.runnel.connector.kafka;

import io.runnel.annotation.Public;

/** What a {@link KafkaSink} promises about the records it writes, given checkpointing and restarts. */
@Public
public enum DeliveryGuarantee {
    /** Records are sent asynchronously and never waited for at a checkpoint: a failure may lose some. */
    NONE,
    /** Every checkpoint waits until all records sent before it are acknowledged: a restart may write some twice. */
    AT_LEAST_ONCE,
    /** One Kafka transaction per checkpoint, committed once the checkpoint completes (see {@link KafkaExactlyOnceSink}). */
    EXACTLY_ONCE
}
