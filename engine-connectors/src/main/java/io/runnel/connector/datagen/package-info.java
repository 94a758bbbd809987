/**
 * Sources that generate their records in memory on the task thread (no fetcher thread, no blocking):
 * {@link io.runnel.connector.datagen.SequenceSource} and {@link io.runnel.connector.datagen.CollectionSource}.
 */
package io.runnel.connector.datagen;
