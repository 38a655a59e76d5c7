/** Pure computation for quality decisions: SPC, capability, multivariate monitoring, RTD and chemometrics. No I/O. */
package org.flowpat.pat;
