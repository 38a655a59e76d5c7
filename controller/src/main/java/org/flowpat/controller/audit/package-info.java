/**
 * The audit trail (21 CFR Part 11, EU GMP Annex 11): an append-only, hash-chained, durable record of who changed
 * what, when, from which value to which, and why.
 * <ul>
 *   <li>{@link org.flowpat.controller.audit.AuditChain}: the hash rule and chain verification (pure).</li>
 *   <li>{@link org.flowpat.controller.audit.AuditTrail}: the file {@code audit/audit-trail.jsonl}, appended and forced
 *       before an append is acknowledged; {@link org.flowpat.controller.audit.AuditTrailFile} reads and verifies it.</li>
 *   <li>{@link org.flowpat.controller.audit.AuditService}: the one writer on the event bus (append, query), publishing
 *       each durable entry for the historian's second copy; {@link org.flowpat.controller.audit.AuditClient} is how
 *       components append.</li>
 *   <li>{@link org.flowpat.controller.audit.AuditVerifier}: what {@code flowpat audit verify} checks and prints.</li>
 * </ul>
 * Automatic PID output moves are not audited: they are continuous control (several per second per loop, kept as
 * samples in the historian), not changes someone decided; a setpoint change, manual or supervisory, is.
 */
package org.flowpat.controller.audit;
