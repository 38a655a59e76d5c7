/** FlowPAT hmi module. */
package org.flowpat.hmi;
