package dev.moat.authorization.service;

import dev.moat.authorization.model.PrincipalType;

/**
 * What a PUT asks for, as the service sees it (already parsed from the wire body).
 *
 * @param principalType null means Azure's default, {@code User}
 */
public record RoleAssignmentRequest(
    String roleDefinitionId,
    String principalId,
    PrincipalType principalType,
    String description,
    String condition,
    String conditionVersion) {}
