package dev.moat.privatedns.service;

import dev.moat.privatedns.model.RecordSet.Records;
import java.util.Map;

/**
 * What a PUT or PATCH of a record set asks for; for a PATCH, null fields keep their value.
 *
 * @param ttl null means 3600 on PUT
 */
public record RecordSetSpec(Long ttl, Map<String, String> metadata, Records records) {}
