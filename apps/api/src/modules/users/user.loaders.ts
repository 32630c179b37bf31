import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { byKey, registerLoader } from '../../common/graphql/loaders.js';
import { UserEntity } from './user.entity.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** user id → account. */
    user: DataLoader<string, UserEntity | null>;
  }
}

registerLoader('user', (ds) => new DataLoader(async (ids) => byKey(ids, await ds.getRepository(UserEntity).findBy({ id: In([...ids]) }), (u) => u.id)));
