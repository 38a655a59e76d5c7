package org.flowpat.hmi.api;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.ReleaseReason;

/**
 * A lot record as a file: CSV (one table per section, each row starting with its section name, so a spreadsheet
 * can filter it) and printable HTML (the browser's "print to PDF" makes the PDF; no PDF library needed). Both show
 * the exceptions first: decision and reasons, then CQA summaries, diversions, alarms, setpoint changes and the
 * signatures with the signer's printed name, time and meaning (Part 11 §11.50).
 */
final class LotExport {
    private LotExport() {
    }

    static String csv(LotRecord lot, List<LotSignature> signatures) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("section", "lot", "line", "status", "start", "end", "decision", "contentHash");
            csv.printRecord("lot", lot.id(), lot.line(), lot.status(), time(lot.startNanos()), time(lot.endNanos()),
                    lot.decision() == null ? "" : lot.decision().label(), lot.contentHash());
            csv.printRecord("section", "inputMassG", "productMassG", "divertedMassG", "completenessShare",
                    "expected", "good", "notGood", "missing");
            csv.printRecord("mass", num(lot.inputMassG()), num(lot.productMassG()), num(lot.divertedMassG()),
                    lot.completeness() == null ? "" : num(lot.completeness().share()),
                    lot.completeness() == null ? "" : lot.completeness().expected(),
                    lot.completeness() == null ? "" : lot.completeness().good(),
                    lot.completeness() == null ? "" : lot.completeness().notGood(),
                    lot.completeness() == null ? "" : lot.completeness().missing());
            csv.printRecord("section", "rule", "outcome", "message");
            for (ReleaseReason r : lot.reasons()) {
                csv.printRecord("reason", r.rule(), r.outcome() == null ? "" : r.outcome().label(), r.message());
            }
            csv.printRecord("section", "cqa", "unit", "n", "mean", "sd", "min", "max", "lsl", "usl", "ppk",
                    "outOfSpec", "excludedBad", "excludedDiverted", "spcSignals");
            for (CqaSummary c : lot.cqas()) {
                csv.printRecord("cqa", c.cqa(), c.unit(), c.n(), num(c.mean()), num(c.sd()), num(c.min()), num(c.max()),
                        num(c.lsl()), num(c.usl()), num(c.ppk()), c.outOfSpec(), c.excludedBad(), c.excludedDiverted(),
                        c.spcSignals());
            }
            csv.printRecord("section", "position", "trigger", "from", "until", "divertedMassG");
            for (DiversionCommand d : lot.diversions()) {
                csv.printRecord("diversion", d.position(), d.trigger(), time(d.fromNanos()), time(d.untilNanos()),
                        num(d.divertedMassG()));
            }
            csv.printRecord("section", "time", "alarm", "name", "priority", "from", "to", "user", "reason");
            for (AlarmTransition a : lot.alarms()) {
                csv.printRecord("alarm", time(a.timeNanos()), a.alarmId(), a.name(), a.priority(), a.from(), a.to(),
                        a.user(), a.reason());
            }
            csv.printRecord("section", "time", "user", "action", "target", "oldValue", "newValue", "reason");
            for (AuditEntry e : lot.setpointChanges()) {
                csv.printRecord("change", time(e.timeNanos()), e.user(), e.action(), e.target(), e.oldValue(),
                        e.newValue(), e.reason());
            }
            csv.printRecord("section", "time", "user", "fullName", "meaning", "comment", "recordHash", "signatureHash");
            for (LotSignature s : signatures) {
                csv.printRecord("signature", time(s.timeNanos()), s.user(), s.fullName(), s.meaning(), s.comment(),
                        s.recordHash(), s.signatureHash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String html(LotRecord lot, List<LotSignature> signatures, String plant) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lot ").append(e(lot.id()))
                .append("</title><style>")
                .append("body{font:12px/1.4 sans-serif;color:#111;margin:16px}h1{font-size:18px}h2{font-size:14px;"
                        + "margin:16px 0 4px;border-bottom:1px solid #888}table{border-collapse:collapse;width:100%}"
                        + "td,th{border:1px solid #bbb;padding:2px 4px;text-align:left}.num{text-align:right}"
                        + ".decision{font-size:16px;font-weight:bold}@media print{body{margin:0}}")
                .append("</style></head><body>");
        h.append("<h1>Lot record ").append(e(lot.id())).append("</h1>");
        h.append("<p>Plant ").append(e(plant)).append(", line ").append(e(lot.line())).append(", ")
                .append(e(String.valueOf(lot.status()))).append(", ").append(e(time(lot.startNanos()))).append(" to ")
                .append(e(time(lot.endNanos()))).append("</p>");
        h.append("<p class=\"decision\">Decision: ").append(e(lot.decision() == null ? "none" : lot.decision().label()))
                .append("</p>");
        table(h, "Exceptions", List.of("Rule", "Outcome", "Reason"), lot.reasons().stream()
                .map(r -> row(r.rule(), r.outcome() == null ? "" : r.outcome().label(), r.message())).toList());
        table(h, "CQA summaries (product material)", List.of("CQA", "n", "mean", "sd", "min", "max", "LSL", "USL",
                "Ppk", "out of spec", "SPC signals"), lot.cqas().stream()
                .map(c -> row(c.cqa() + (c.unit() == null ? "" : " (" + c.unit() + ")"), Long.toString(c.n()),
                        num(c.mean()), num(c.sd()), num(c.min()), num(c.max()), num(c.lsl()), num(c.usl()), num(c.ppk()),
                        Long.toString(c.outOfSpec()), Integer.toString(c.spcSignals()))).toList());
        table(h, "Material", List.of("input g", "product g", "diverted g", "PAT data complete"),
                List.of(row(num(lot.inputMassG()), num(lot.productMassG()), num(lot.divertedMassG()),
                        lot.completeness() == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * lot.completeness().share()))));
        table(h, "Diversions", List.of("position", "trigger", "from", "until", "diverted g"), lot.diversions().stream()
                .map(d -> row(String.valueOf(d.position()), d.trigger(), time(d.fromNanos()), time(d.untilNanos()),
                        num(d.divertedMassG()))).toList());
        table(h, "Alarms", List.of("time", "alarm", "priority", "from", "to", "by", "reason"), lot.alarms().stream()
                .map(a -> row(time(a.timeNanos()), a.name().isEmpty() ? a.alarmId() : a.name(), a.priority(),
                        String.valueOf(a.from()), String.valueOf(a.to()), a.user(), a.reason())).toList());
        table(h, "Setpoint and loop changes", List.of("time", "user", "target", "old", "new", "reason"),
                lot.setpointChanges().stream().map(c -> row(time(c.timeNanos()), c.user(), c.target(), c.oldValue(),
                        c.newValue(), c.reason())).toList());
        table(h, "Electronic signatures", List.of("signed by", "time", "meaning", "comment", "bound to record hash"),
                signatures.stream().map(s -> row(s.fullName() + " (" + s.user() + ")", time(s.timeNanos()),
                        s.meaning(), s.comment(), s.recordHash())).toList());
        h.append("<p>Record content hash ").append(e(lot.contentHash())).append("</p></body></html>");
        return h.toString();
    }

    private static void table(StringBuilder h, String title, List<String> head, List<List<String>> rows) {
        h.append("<h2>").append(e(title)).append("</h2>");
        if (rows.isEmpty()) {
            h.append("<p>none</p>");
            return;
        }
        h.append("<table><thead><tr>");
        head.forEach(c -> h.append("<th>").append(e(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(e(c)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /** A table row; a missing value is an empty cell. */
    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    private static String e(String text) {
        return text == null ? "" : escapeHtml4(text);
    }

    static String time(long nanos) {
        return nanos <= 0 ? "" : Instant.ofEpochSecond(0, nanos).toString();
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "";
    }
}
