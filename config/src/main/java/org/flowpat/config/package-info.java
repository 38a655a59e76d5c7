/** FlowPAT config module. */
package org.flowpat.config;
