/**
 * ISA-18.2 alarms: a pure life-cycle state machine per alarm ({@link org.flowpat.controller.alarms.Alarm}) and the
 * line's manager with condition evaluation, deadbands, delays, shelving by engineers, suppression by line state
 * and root-cause flood suppression with first-out grouping ({@link org.flowpat.controller.alarms.AlarmManager}).
 */
package org.flowpat.controller.alarms;
