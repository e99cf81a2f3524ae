export { CountBarChart, type CountBar, type CountBarChartProps } from './count_bar_chart';
