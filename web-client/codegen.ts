import type { CodegenConfig } from "@graphql-codegen/cli";

// Types for every operation in src/ from the server's SDL (../docs/schema.graphql, `make schema`).
// documentMode "string": operations ship as plain strings, no graphql runtime in the bundle.
const config: CodegenConfig = {
  schema: "../docs/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: true,
  errorsOnly: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          ID: "string",
          Date: "string",
          DateTime: "string",
          JSON: "unknown",
          Upload: "File",
        },
      },
    },
  },
};

export default config;
