/** Microsoft.Authorization: role definitions, role assignments and the authorizer. */
package dev.moat.authorization;
