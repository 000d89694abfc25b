/** Reconcilers that finish zone and link operations after the provisioning delay. */
package dev.moat.privatedns.reconcile;
