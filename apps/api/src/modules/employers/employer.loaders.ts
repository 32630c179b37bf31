import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { byKey, registerLoader } from '../../common/graphql/loaders.js';
import { EmployerEntity } from './employer.entity.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** employer id → employer. */
    employer: DataLoader<string, EmployerEntity | null>;
  }
}

registerLoader('employer', (ds) => new DataLoader(async (ids) => byKey(ids, await ds.getRepository(EmployerEntity).findBy({ id: In([...ids]) }), (e) => e.id)));
