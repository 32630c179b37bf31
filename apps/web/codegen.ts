import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for every operation in src/modules/** /graphql; output is generated, never edited. */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Apollo adds __typename to every selection; the types say so, and cache writes need it.
        nonOptionalTypename: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false },
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
