import type { MessageTable } from '../messages/message-table.js';

/**
 * Messages for reading an uploaded template workbook (functions/src/workbooks/). {size} and
 * {limit} are in MB, {found}/{expected} are what the file says and what the server expects.
 * The zip checks run on the archive's directory before anything is decompressed.
 */
export const TEMPLATE_MESSAGES: MessageTable = {
  zh: {
    upload_empty: '上传的文件是空的。',
    upload_too_large: '文件大小为{size}MB，超过上限{limit}MB。填报表通常不足1MB，请确认上传的是本园区的填报表。',
    upload_legacy_xls: '这是旧版Excel文件（.xls）或WPS表格文件（.et），无法读取。请在Excel或WPS中打开，“另存为”Excel工作簿（*.xlsx）后再上传。',
    upload_ods: '这是OpenDocument表格（.ods），无法读取。请在WPS或LibreOffice中打开，“另存为”Excel工作簿（*.xlsx）后再上传。',
    upload_not_xlsx: '文件不是Excel工作簿（.xlsx）。请上传从本系统下载并填写的填报表（.xlsx）。',
    upload_macro_enabled: '文件是启用宏的工作簿（.xlsm），不能接收。请“另存为”Excel工作簿（*.xlsx）后再上传。',
    upload_corrupt: '文件已损坏或不完整，无法读取。请重新保存后再上传。',
    upload_too_many_entries: '文件内部包含{count}个部件，超过上限{limit}个，不像是填报表。',
    upload_expands_too_far: '文件解压后为{size}MB，超过上限{limit}MB，不能接收。',
    upload_compression_too_high:
      '文件压缩比约为{ratio}倍（解压后{size}MB），远高于工作簿通常的5至20倍，超过上限{maxRatio}倍，不能接收。请确认上传的是本园区的填报表。',
    upload_external_links:
      '文件中有指向其他工作簿或数据源的外部链接，数据会随那些文件变化，不能接收。请在Excel中“数据→编辑链接→断开链接”（或把单元格粘贴为数值）后再上传。',
    upload_vba_project: '文件中含有宏（VBA工程），不能接收。请“另存为”Excel工作簿（*.xlsx）后再上传。',
    upload_embedded_objects: '文件中含有ActiveX控件或嵌入的对象（如插入的其他文档），不能接收。请删除这些控件和对象后再上传。',
    upload_sheet_missing: '找不到工作表「{sheet}」。请不要重命名或删除填报表中的工作表。',
    upload_meta_missing: '找不到模板信息（隐藏的_meta工作表）。请使用从本系统下载的填报表。',
    upload_meta_tampered: '模板信息（_meta）被修改过，与其校验值不符。请重新下载填报表，填写后上传。',
    upload_wrong_park: '这是{found}的填报表，不是{expected}的。请上传本园区的填报表。',
    upload_wrong_period: '这是{found}期的填报表，不是{expected}期的。请下载本期填报表。',
    upload_template_outdated: '填报表的模板版本（{found}）已过期，当前版本为{expected}。请下载最新填报表，把数据填入后重新上传。',
    upload_layout_changed: '第{row}行应为指标「{expected}」，实际为「{found}」。请不要插入、删除或移动填报表中的行。',
    upload_rows_sorted: '填报表的行顺序被改变了（可能按某一列排过序）。请按“序号”列从小到大排序后再上传。',
    upload_rows_inserted: '填报表第{row}行处多出了插入的行。请删除插入的行后再上传，不要在填报表中插入或删除行。',
    upload_rows_deleted: '指标「{indicator}」（原第{row}行）所在的行被删除了。请重新下载填报表，把数据填入后再上传。',
    upload_column_inserted: '填报表的{column}列是插入的一列，“{expected}”及其后各列因此右移了。请删除插入的列后再上传，不要在填报表中插入或删除列。',
    upload_column_deleted: '填报表中的“{expected}”列（{column}列）被删除了。请重新下载填报表，把数据填入后再上传。',
    upload_header_changed: '填报表第{row}行的表头被改动：{column}列应为“{expected}”，现为“{found}”。请重新下载填报表，把数据填入后再上传。',
    upload_located: '第{row}行「{indicator}」（{column}）：{detail}',
  },
  en: {
    upload_empty: 'The uploaded file is empty.',
    upload_too_large: 'The file is {size} MB, over the {limit} MB limit. A return is usually under 1 MB: check that this is your park’s return.',
    upload_legacy_xls:
      'This is an old Excel file (.xls) or a WPS spreadsheet (.et), which cannot be read. Open it in Excel or WPS, save it as an Excel workbook (*.xlsx) and upload it again.',
    upload_ods:
      'This is an OpenDocument spreadsheet (.ods), which cannot be read. Open it in WPS or LibreOffice, save it as an Excel workbook (*.xlsx) and upload it again.',
    upload_not_xlsx: 'The file is not an Excel workbook (.xlsx). Upload the return (.xlsx) downloaded from this system and filled in.',
    upload_macro_enabled: 'The file is a macro-enabled workbook (.xlsm), which is not accepted. Save it as an Excel workbook (*.xlsx) and upload again.',
    upload_corrupt: 'The file is damaged or incomplete and cannot be read. Save it again and upload it.',
    upload_too_many_entries: 'The file holds {count} parts, over the limit of {limit}: it does not look like a return.',
    upload_expands_too_far: 'The file expands to {size} MB when unzipped, over the {limit} MB limit: it is not accepted.',
    upload_compression_too_high:
      'The file is compressed about {ratio} times (it expands to {size} MB), far more than the 5 to 20 times of a workbook and over the limit of {maxRatio}: it is not accepted. Check that this is the return of your park.',
    upload_external_links:
      'The file has links to other workbooks or data sources, so its figures would change with those files: it is not accepted. In Excel, Data > Edit Links > Break Link (or paste the cells as values), then upload it.',
    upload_vba_project: 'The file contains macros (a VBA project), which are not accepted. Save it as an Excel workbook (*.xlsx) and upload it again.',
    upload_embedded_objects:
      'The file contains ActiveX controls or embedded objects (such as another document inserted into it), which are not accepted. Delete them and upload it again.',
    upload_sheet_missing: 'Sheet “{sheet}” is missing. Do not rename or delete the sheets of the return.',
    upload_meta_missing: 'The template information (the hidden _meta sheet) is missing. Use the return downloaded from this system.',
    upload_meta_tampered: 'The template information (_meta) was changed and no longer matches its hash. Download the return again, fill it in and upload it.',
    upload_wrong_park: 'This is the return of {found}, not of {expected}. Upload your park’s return.',
    upload_wrong_period: 'This is the return for {found}, not for {expected}. Download the return for this period.',
    upload_template_outdated:
      'The return’s template version ({found}) is out of date; the current one is {expected}. Download the latest return, enter the figures and upload again.',
    upload_layout_changed: 'Row {row} should hold “{expected}” but holds “{found}”. Do not insert, delete or move rows of the return.',
    upload_rows_sorted:
      'The rows of the return were reordered (sorted by some column, perhaps). Sort them by the No. column, smallest first, and upload again.',
    upload_rows_inserted: 'Rows were inserted into the return at row {row}. Delete them and upload again; do not insert or delete rows of the return.',
    upload_rows_deleted: 'The row of “{indicator}” (row {row}) was deleted. Download the return again, enter the figures and upload it.',
    upload_column_inserted:
      'Column {column} of the return was inserted, so “{expected}” and the columns after it moved right. Delete it and upload again; do not insert or delete columns of the return.',
    upload_column_deleted: 'The “{expected}” column (column {column}) of the return was deleted. Download the return again, enter the figures and upload it.',
    upload_header_changed:
      'The headers in row {row} of the return were changed: column {column} should be “{expected}” but is “{found}”. Download the return again, enter the figures and upload it.',
    upload_located: 'Row {row}, “{indicatorEn}” ({columnEn}): {detailEn}',
  },
};
