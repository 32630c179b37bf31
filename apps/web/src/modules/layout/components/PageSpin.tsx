import { Flex, Spin } from 'antd';

/** While a page's chunk or translations load, inside the shell (the menu stays). */
export function PageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin />
    </Flex>
  );
}
