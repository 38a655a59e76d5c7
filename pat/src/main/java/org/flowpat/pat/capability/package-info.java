/**
 * Process capability (Cp, Cpl, Cpu, Cpk, Cpm from the within sigma) and performance (Pp, Ppk
 * from the overall sigma) with confidence intervals, for one- and two-sided specifications.
 */
package org.flowpat.pat.capability;
