/**
 * Docker Engine API v1.41's JSON, field for field as moby's {@code api/types} names them: the records the API bundle
 * writes and the CLI reads. A field Holdfast does not fill is left out of the record rather than faked; a client
 * reading one that is absent gets its zero value, as from an older Docker.
 */
package io.holdfast.docker.model;
