declare const __ICR_VERSION__: string;

/** The @icr/widgets version, written in at build time from package.json ("dev" when not built). */
export const VERSION: string = typeof __ICR_VERSION__ === "string" ? __ICR_VERSION__ : "dev";
