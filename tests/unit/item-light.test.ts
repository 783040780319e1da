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
});
