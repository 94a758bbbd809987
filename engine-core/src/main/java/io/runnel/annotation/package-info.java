/** Annotations that record API stability and thread ownership where grep and reviewers can find them. */
package io.runnel.annotation;
