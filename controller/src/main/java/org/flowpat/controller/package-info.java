/** FlowPAT controller module. */
package org.flowpat.controller;
