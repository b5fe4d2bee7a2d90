// Renders its children only after hydration: charts measure the DOM, the server has none to measure.
import { useEffect, useState, type ReactNode } from "react";

export function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}
