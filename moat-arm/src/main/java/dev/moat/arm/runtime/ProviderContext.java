package dev.moat.arm.runtime;

import dev.moat.arm.auth.KnownPrincipals;
import dev.moat.arm.auth.TokenService;
import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.id.Regions;
import dev.moat.platform.reconcile.WorkLeases;
import dev.moat.platform.store.Database;
import dev.moat.platform.store.ResourceDocuments;
import java.time.Clock;

/**
 * What the runtime hands to providers when it assembles them.
 *
 * @param leases who runs what among the replicas of a team server ({@link WorkLeases#local()} on a
 *     single server): for work outside the reconcile engine that must run in one process
 */
public record ProviderContext(
    MoatSettings settings,
    Clock clock,
    Database database,
    ResourceDocuments documents,
    LongRunningOperations lro,
    Regions regions,
    Tenancy tenancy,
    TokenService tokens,
    LocalCertificateAuthority ca,
    KnownPrincipals principals,
    InternalArm internalArm,
    WorkLeases leases) {}
