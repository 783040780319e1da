// Item lights: red once overdue, amber from 3 working days before the due date (China's calendar, 调休
// included), green otherwise; none for finished items or items without a due date.
import { describe, expect, it } from "vitest";
import { addDays } from "../../lib/dates";
import { amberFrom, amberUntil, itemLight } from "../../lib/item-light";
import { WorkCalendar } from "../../lib/workdays";

const cal = new WorkCalendar();

describe("item lights", () => {
  it("turns amber 3 working days before the due date, across the 国庆 holiday and its make-up Saturday", () => {
    // Due Monday 2026-10-12: working days before it are Sat 10-10 (调休), Fri 10-09, Thu 10-08.
    expect(amberFrom("2026-10-12", cal)).toBe("2026-10-08");
    // Due Thursday 2026-10-08: the holiday 10-01…10-07 is off, so amber starts Monday 09-28.
    expect(amberFrom("2026-10-08", cal)).toBe("2026-09-28");
  });

  it("amberUntil is exactly the last due date whose amber has begun", () => {
    for (let day = "2026-09-20"; day <= "2026-10-20"; day = addDays(day, 1)) {
      const last = amberUntil(day, cal);
      expect(amberFrom(last, cal) <= day, `${day}: ${last}`).toBe(true);
      expect(amberFrom(addDays(last, 1), cal) > day, `${day}: ${addDays(last, 1)}`).toBe(true);
    }
    // On Monday 2026-09-28 every item due up to 10-08 is amber (the holiday lies between).
    expect(amberUntil("2026-09-28", cal)).toBe("2026-10-08");
  });

  it("gives red, amber, green or none", () => {
    const last = amberUntil("2026-10-09", cal);
    const light = (dueDate: string | null, open = true) => itemLight({ open, dueDate }, "2026-10-09", last);
    expect(light("2026-10-08")).toBe("RED");
    expect(light("2026-10-09")).toBe("AMBER");
    expect(light("2026-10-13")).toBe("AMBER");
    expect(light("2026-10-14")).toBe("GREEN");
    expect(light("2026-10-08", false)).toBeNull();
    expect(light(null)).toBeNull();
  });

  it("walks day by day across the 春节 holiday: green, then amber from 3 working days before, red once overdue", () => {
    // Due Tuesday 2026-02-24, the first working day after 春节 (02-15…02-23 off). Working days before it:
    // Sat 02-14 (调休 make-up day), Fri 02-13, Thu 02-12 — so amber from Thursday 02-12, across nine days off.
    const seen: Record<string, string | null> = {};
    for (let day = "2026-02-09"; day <= "2026-02-26"; day = addDays(day, 1))
      seen[day] = itemLight({ open: true, dueDate: "2026-02-24" }, day, amberUntil(day, cal));
    expect(seen).toEqual({
      "2026-02-09": "GREEN",
      "2026-02-10": "GREEN",
      "2026-02-11": "GREEN",
      "2026-02-12": "AMBER",
      "2026-02-13": "AMBER",
      "2026-02-14": "AMBER",
      "2026-02-15": "AMBER",
      "2026-02-16": "AMBER",
      "2026-02-17": "AMBER",
      "2026-02-18": "AMBER",
      "2026-02-19": "AMBER",
      "2026-02-20": "AMBER",
      "2026-02-21": "AMBER",
      "2026-02-22": "AMBER",
      "2026-02-23": "AMBER",
      "2026-02-24": "AMBER",
      "2026-02-25": "RED",
      "2026-02-26": "RED",
    });
  });

  it("counts a 调休 Saturday as a working day, and follows the administrators' entries and the set number of days", () => {
    // Due Monday 2026-03-02: the Saturday before (02-28) is a make-up working day, so the third working day
    // before is Thursday 02-26, not Wednesday 02-25 as in an ordinary week.
    expect(amberFrom("2026-03-02", cal)).toBe("2026-02-26");
    expect(itemLight({ open: true, dueDate: "2026-03-02" }, "2026-02-25", amberUntil("2026-02-25", cal))).toBe("GREEN");
    expect(itemLight({ open: true, dueDate: "2026-03-02" }, "2026-02-26", amberUntil("2026-02-26", cal))).toBe("AMBER");
    // An administrator declares Friday 02-27 a day off: amber starts a working day earlier.
    const entered = new WorkCalendar([{ day: "2026-02-27", workday: false, name: "示例" }]);
    expect(amberFrom("2026-03-02", entered)).toBe("2026-02-25");
    expect(itemLight({ open: true, dueDate: "2026-03-02" }, "2026-02-25", amberUntil("2026-02-25", entered))).toBe(
      "AMBER",
    );
    // Five working days instead of three (the chase's 临近提醒 setting).
    expect(amberFrom("2026-03-02", cal, 5)).toBe("2026-02-24");
    expect(amberUntil("2026-02-24", cal, 5) >= "2026-03-02").toBe(true);
  });
});
