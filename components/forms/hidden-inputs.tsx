/** The ids a form sends along with what is typed (what it changes), as hidden inputs. */
export function HiddenInputs({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
