/**
 * The subset of JSON Schema our collection schemas use. Structurally compatible with RxDB's
 * `RxJsonSchema`, so the renderer and the server share one definition without src-shared
 * importing RxDB.
 */
export type JsonSchemaProperty = {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | readonly string[];
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  enum?: readonly (string | number)[];
  pattern?: string;
  format?: string;
  items?: JsonSchemaProperty;
  maxItems?: number;
  properties?: Record<string, JsonSchemaProperty>;
  required?: readonly string[];
  additionalProperties?: boolean;
};

export type CollectionSchema = {
  title: string;
  description?: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required: readonly string[];
  indexes?: readonly (string | readonly string[])[];
  additionalProperties?: boolean;
};
