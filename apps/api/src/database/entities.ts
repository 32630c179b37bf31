import { EmployerEntity } from '../modules/employers/employer.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity.js';
import { RegionEntity } from '../modules/regions/region.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { Foundation1764201600000 } from './migrations/1764201600000-foundation.js';
import { Venue1764201700000 } from './migrations/1764201700000-venue.js';

export const ENTITIES = [RegionEntity, EmployerEntity, UserEntity, RefreshTokenEntity, NotificationEntity];

/** Listed explicitly (not globbed) so the ESM build and jest load the same classes. */
export const MIGRATIONS = [Foundation1764201600000, Venue1764201700000];
