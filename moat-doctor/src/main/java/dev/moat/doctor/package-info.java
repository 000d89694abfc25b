/**
 * The network-isolation doctor: walks the bootstrap path of a cluster's node link by link with the
 * same fabric (DNS views, reachability), RBAC decision and registry rules the node agents meet, and
 * names the broken link with the az command that fixes it. Also serves the topology page ({@code
 * /moat/ui}) that draws that path. Depends on contracts and read models only, never on a provider.
 */
package dev.moat.doctor;
