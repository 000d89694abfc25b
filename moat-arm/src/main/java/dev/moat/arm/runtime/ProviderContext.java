package dev.moat.arm.runtime;

import dev.moat.arm.auth.KnownPrincipals;
import dev.moat.arm.auth.TokenService;
import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.id.Regions;
import dev.moat.platform.store.Database;
import dev.moat.platform.store.ResourceDocuments;
import java.time.Clock;

/** What the runtime hands to providers when it assembles them. */
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
    InternalArm internalArm) {}
